import { maskUrlPassword } from './redaction'

describe('maskUrlPassword', () => {
  it('masks the password in the user info and keeps the rest', () => {
    expect(maskUrlPassword('postgresql://baton:s3cret@db.example.com:5432/baton')).toBe(
      'postgresql://baton:***@db.example.com:5432/baton',
    )
    expect(maskUrlPassword('redis://:s3cret@127.0.0.1:6379/2')).toBe(
      'redis://:***@127.0.0.1:6379/2',
    )
  })

  it('masks a password holding an unescaped @ completely', () => {
    const masked = maskUrlPassword('postgresql://baton:p@ss@127.0.0.1/baton')
    expect(masked).toBe('postgresql://baton:***@127.0.0.1/baton')
  })

  it('masks a password given as a query parameter', () => {
    expect(maskUrlPassword('postgresql://127.0.0.1/baton?user=baton&password=s3cret')).toBe(
      'postgresql://127.0.0.1/baton?user=baton&password=***',
    )
  })

  it('leaves a URL without a password as it is, and never prints what is not a URL', () => {
    expect(maskUrlPassword('postgresql://postgres@127.0.0.1:5432/baton')).toBe(
      'postgresql://postgres@127.0.0.1:5432/baton',
    )
    expect(maskUrlPassword('baton:s3cret@127.0.0.1')).toBe('(not a URL with a host)')
    expect(maskUrlPassword('s3cret')).toBe('(not a URL)')
  })
})
