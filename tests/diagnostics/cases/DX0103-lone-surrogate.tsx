// A surrogate pair is fine; half of one cannot be stored as UTF-8.
export const smile = "\uD83D\uDE00";
export const broken = "\uD83D!";
export const label = `${smile} \uDE00`;
