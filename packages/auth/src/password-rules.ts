// The password rule as numbers, importable by browser code (no hashing library behind it).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
