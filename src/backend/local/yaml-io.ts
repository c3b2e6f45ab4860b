// Objects as YAML files. Strings that a YAML 1.1 reader (go-yaml v2, so kubectl and helm) or a YAML 1.2 reader
// would take for something else (`yes`, `0755`, `1e3`, `~`, `<<`) are double-quoted, so the files mean the same
// to every tool.

import { Document, parse, visit } from 'yaml';
import { StateError } from '../errors.ts';
import { isObject, type KubeObject } from '../object.ts';

const AMBIGUOUS =
  /^(?:[-+.]?[0-9]|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|<<$|~$|(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$)/;

export function objectToYaml(obj: KubeObject): string {
  const doc = new Document(obj, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Parses an object file; StateError naming the file if it is not one. */
export function yamlToObject(text: string, path: string): KubeObject {
  let v: unknown;
  try {
    v = parse(text, { merge: false, maxAliasCount: -1 });
  } catch (e) {
    // The parser's first line names the place (its excerpt of the text follows on the next lines).
    const where = (e as Error).message.split('\n')[0].replace(/:$/, '');
    throw new StateError(`${path} is not valid YAML: ${where}`);
  }
  // (The command line adds which backend and state directory: `(local backend (state in ...))`.)
  if (!isObject(v) || !isObject(v.metadata) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string') {
    throw new StateError(`${path} is not a Kubernetes object (apiVersion, kind and metadata are required)`);
  }
  return v as KubeObject;
}
