export const path = "C:\xampp\htdocs";
