/** The rules a new password must meet; the API decides which passwords are too common. */
export const PASSWORD_MIN_LENGTH = 10;

export function PasswordHint() {
  return (
    <>
      At least {PASSWORD_MIN_LENGTH} characters. Common passwords (like “password123”) are refused.
    </>
  );
}
