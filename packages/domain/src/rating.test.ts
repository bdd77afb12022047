import { RATING_LABELS, ratingFor, ratingLabel } from './rating'

describe('ratingFor', () => {
  // [passing score, [score, rating] pairs at and just below each boundary]
  it.each<[number, [number, number][]]>([
    [
      60,
      [
        [0, 1],
        [29, 1],
        [30, 2],
        [59, 2],
        [60, 3],
        [79, 3],
        [80, 4],
        [100, 4],
      ],
    ],
    [
      50,
      [
        [0, 1],
        [24, 1],
        [25, 2],
        [49, 2],
        [50, 3],
        [74, 3],
        [75, 4],
        [100, 4],
      ],
    ],
    [
      75,
      [
        [37, 1],
        [37.4, 1],
        [37.5, 2],
        [38, 2],
        [74, 2],
        [75, 3],
        [87, 3],
        [87.5, 4],
        [88, 4],
      ],
    ],
    [
      0,
      [
        [0, 3],
        [49, 3],
        [50, 4],
        [100, 4],
      ],
    ],
    [
      100,
      [
        [0, 1],
        [49, 1],
        [50, 2],
        [99, 2],
        [100, 4],
      ],
    ],
  ])('rates against passing score %i', (p, cases) => {
    for (const [score, rating] of cases) {
      expect([score, ratingFor(score, p)]).toEqual([score, rating])
    }
  })

  it('rounds the odd passing score boundaries the spec way: p/2 = 37.5, p + (100-p)/2 = 87.5', () => {
    expect(ratingFor(37, 75)).toBe(1)
    expect(ratingFor(38, 75)).toBe(2)
    expect(ratingFor(87, 75)).toBe(3)
    expect(ratingFor(88, 75)).toBe(4)
  })
})

describe('ratingLabel', () => {
  it("uses Lever's score-system wording", () => {
    expect([4, 3, 2, 1].map((r) => ratingLabel(r as 1 | 2 | 3 | 4))).toEqual([
      '4 - Strong Hire',
      '3 - Hire',
      '2 - No Hire',
      '1 - Strong No Hire',
    ])
    expect(Object.keys(RATING_LABELS)).toHaveLength(4)
  })
})
