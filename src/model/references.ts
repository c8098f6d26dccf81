/** Documents a reader of the architecture should open next: README, CONTRIBUTING, the docs index, ADRs. */
const FURTHER = /^(readme|contributing|development|hacking|security|changelog)(\.(md|rst|txt))?$/i;

export function furtherReading(paths: string[]): string[] {
  const top = paths.filter((p) => !p.includes('/') && FURTHER.test(p));
  const adr = paths.find((p) => /(^|\/)(adr|adrs|decisions)\//i.test(p));
  const docsIndex = paths.find((p) => /^docs?\/(index|readme)\.md$/i.test(p));
  return [...top, ...(docsIndex ? [docsIndex] : []), ...(adr ? [adr.slice(0, adr.search(/(adr|adrs|decisions)\//i)) + adr.match(/(adr|adrs|decisions)\//i)![0].slice(0, -1)] : [])].sort();
}
