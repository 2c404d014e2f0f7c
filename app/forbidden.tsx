export { default } from "./(dashboard)/forbidden";
