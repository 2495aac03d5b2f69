/** The Luhn (mod 10) check digit banks put at the end of card and account numbers, and of 缴款码. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => {
    let n = Number(d);
    if (i % 2 === 0) n *= 2;
    sum += n > 9 ? n - 9 : n;
  });
  return String((10 - (sum % 10)) % 10);
}

/** Whether the last digit of `number` is the Luhn check digit of the rest. */
export function luhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnDigit(number.slice(0, -1)) === number.at(-1);
}
