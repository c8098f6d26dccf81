/** XML manifests (pom.xml, MSBuild files): one parser configuration, one-line warnings, comment-free lines for locating. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isRecord, malformed, splitLines, type ReadResult } from './text.js';

export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  isArray: (name) => ['dependency', 'module', 'plugin', 'PackageReference', 'ProjectReference', 'FrameworkReference', 'PackageVersion', 'GlobalPackageReference', 'ItemGroup', 'PropertyGroup', 'package', 'Project', 'Folder'].includes(name),
});

/** Parses XML or explains in one line why not. */
export function parseXml(path: string, raw: string, what: string): { doc?: Record<string, unknown>; warning?: ReadResult } {
  const text = raw.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { warning: malformed(path, what, `${valid.err.msg} (line ${valid.err.line})`) };
  try {
    const doc = xmlParser.parse(text) as unknown;
    return isRecord(doc) ? { doc } : { warning: malformed(path, what, 'no root element') };
  } catch (err) {
    return { warning: malformed(path, what, err) };
  }
}

/** Lines with XML comments blanked (newlines kept), so commented-out elements are never located. */
export function xmlLines(text: string): string[] {
  return splitLines(text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')));
}

