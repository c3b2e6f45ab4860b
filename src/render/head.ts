// The manifest head reader for each dialect (the two helms name the head type differently in errors).
import { readManifestHead } from '../goyaml/index.ts';
import type { HelmDialect } from './dialect.ts';
import type { HeadReader } from './manifests.ts';

const readers: Record<HelmDialect, HeadReader> = {
  helm4: (doc) => readManifestHead(doc, { helm: 4 }),
  helm3: (doc) => readManifestHead(doc, { helm: 3 }),
};

export function headReaderFor(dialect: HelmDialect): HeadReader {
  return readers[dialect];
}
