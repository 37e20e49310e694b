/**
 * The PrestaShop versions the sandbox can impersonate and what changes between them on the wire
 * (reference §4, §6, §8, §11). Field-list differences live with the resource definitions.
 */
export const PS_VERSIONS = ["1.6", "1.7", "8", "9"] as const;
export type PsVersion = (typeof PS_VERSIONS)[number];

export interface VersionTraits {
  /** `_PS_VERSION_`, sent as PSWS-Version: the release each line was read from. */
  release: string;
  /** PHP ≥ 8.1 PDO returns int columns as numbers; older stacks return every column as a string. */
  nativeInts: boolean;
  /** 8.0+ WebserviceOutputJSON::overrideContent runs array_filter on each top-level item. */
  dropsFalsyInJson: boolean;
  /** PATCH exists from 8.0 (root listing attribute and key permissions). */
  hasPatch: boolean;
  /**
   * What PHP says when getFilteredObjectList indexes the `false` returned by a failed manageFilters:
   * nothing on PHP < 7.4 (1.6 era), a notice on 7.4 (1.7.8), a warning on 8.x. The handler turns each
   * of the four array reads into an extra error and the reply into a 500.
   */
  falseOffsetError: { code: number; label: string } | null;
}

export const VERSION_TRAITS: Record<PsVersion, VersionTraits> = {
  "1.6": { release: "1.6.1.24", nativeInts: false, dropsFalsyInJson: false, hasPatch: false, falseOffsetError: null },
  "1.7": {
    release: "1.7.8.8",
    nativeInts: false,
    dropsFalsyInJson: false,
    hasPatch: false,
    falseOffsetError: { code: 5, label: "[PHP Notice #8]" },
  },
  "8": {
    release: "8.1.2",
    nativeInts: true,
    dropsFalsyInJson: true,
    hasPatch: true,
    falseOffsetError: { code: 3, label: "[PHP Warning #2]" },
  },
  "9": {
    release: "9.0.3",
    nativeInts: true,
    dropsFalsyInJson: true,
    hasPatch: true,
    falseOffsetError: { code: 3, label: "[PHP Warning #2]" },
  },
};

/** True when `version` is at least `min` in the order of PS_VERSIONS. */
export function atLeast(version: PsVersion, min: PsVersion): boolean {
  return PS_VERSIONS.indexOf(version) >= PS_VERSIONS.indexOf(min);
}
