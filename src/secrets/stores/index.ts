// The five SOPS file formats behind one interface: load a file into a tree (with its metadata taken out) and emit
// a tree, plaintext or with metadata, in any of the formats.

import { SopsFormatError } from '../errors.ts';
import type { Plain, PlainMap } from '../metadata.ts';
import { Comment, Leaf, type MapEntry, SopsMap } from '../tree.ts';
import { emitDotenv, loadDotenv } from './dotenv.ts';
import { emitIni, loadIni } from './ini.ts';
import { emitJson, loadJson } from './json.ts';
import { emitYamlSource, emitYamlTree, loadYaml, type YamlLoaded } from './yaml.ts';

export type SopsFormat = 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';
export const SOPS_FORMATS: readonly SopsFormat[] = ['yaml', 'json', 'dotenv', 'ini', 'binary'];

/** The format sops infers from a file name: by extension, binary otherwise. */
export function formatForPath(path: string): SopsFormat {
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.env')) return 'dotenv';
  if (path.endsWith('.ini')) return 'ini';
  return 'binary';
}

/** A format name as sops's --input-type/--output-type take it. */
export function parseFormat(name: string): SopsFormat {
  if ((SOPS_FORMATS as readonly string[]).includes(name)) return name as SopsFormat;
  throw new SopsFormatError(`unknown file format '${name}' (expected one of ${SOPS_FORMATS.join(', ')})`);
}

export interface LoadedFile {
  readonly format: SopsFormat;
  /** The data documents (YAML may hold several; the others one). */
  readonly docs: SopsMap[];
  /** The `sops` metadata block, if the file has one. */
  readonly metadata: Plain | undefined;
  /** The parsed YAML Documents, written back to keep layout and comments. */
  readonly yaml?: YamlLoaded;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function text(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : utf8.decode(input);
}

/**
 * Loads a file. `encrypted` selects how a binary file is read: an encrypted one is a JSON envelope, a plaintext one
 * is the raw bytes under the key `data`.
 */
export function loadFile(format: SopsFormat, input: string | Uint8Array, encrypted: boolean): LoadedFile {
  switch (format) {
    case 'yaml': {
      const y = loadYaml(text(input));
      return { format, docs: y.docs, metadata: y.metadata, yaml: y };
    }
    case 'json':
      return { format, ...loadJson(text(input)) };
    case 'dotenv':
      return { format, ...loadDotenv(text(input)) };
    case 'ini':
      return { format, ...loadIni(text(input)) };
    case 'binary': {
      if (encrypted) return { format, ...loadJson(text(input)) };
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
      return { format, docs: [new SopsMap([{ key: 'data', value: new Leaf(bytes) }])], metadata: undefined };
    }
  }
}

export interface EmitOptions {
  /** Indentation of YAML (default 4) and JSON (default a tab) output, as sops's --indent. */
  readonly indent?: number;
}

function single(file: LoadedFile, format: SopsFormat): SopsMap {
  if (file.docs.length !== 1) {
    throw new SopsFormatError(`a ${format} file holds one document; this one has ${file.docs.length}`);
  }
  return file.docs[0];
}

/** Emits a loaded (and encrypted or decrypted) file in `format`, with `metadata` when it is an encrypted file. */
export function emitFile(
  file: LoadedFile,
  format: SopsFormat,
  metadata: PlainMap | undefined,
  opts: EmitOptions = {},
): string | Uint8Array {
  switch (format) {
    case 'yaml':
      return file.yaml ? emitYamlSource(file.yaml, metadata, opts) : emitYamlTree(file.docs, metadata, opts);
    case 'json':
      return emitJson(single(file, format), metadata, opts.indent);
    case 'dotenv':
      return emitDotenv(single(file, format), metadata);
    case 'ini':
      return emitIni(single(file, format), metadata);
    case 'binary': {
      if (metadata) return emitJson(single(file, format), metadata, opts.indent);
      const data = single(file, format).items.find(
        (it): it is MapEntry => !(it instanceof Comment) && it.key === 'data',
      );
      if (!data) throw new SopsFormatError('no binary data found in the document (it has no `data` key)');
      const v = data.value instanceof Leaf ? data.value.value : undefined;
      if (typeof v === 'string') return new TextEncoder().encode(v);
      if (v instanceof Uint8Array) return v;
      throw new SopsFormatError("the document's `data` key does not hold a string");
    }
  }
}
