/**
 * The revised draft: {@link vn.hoinghi.report.revision.DraftRevision} composes version N+1 from version N, the
 * accepted proposed wordings and free edits, as text that the core imports with {@code ImportDraft} (stable ids and
 * re-anchoring then work as for any import); {@link vn.hoinghi.report.revision.VersionDiff} compares two versions
 * article by article, word by word ({@link vn.hoinghi.report.revision.WordDiff}).
 */
package vn.hoinghi.report.revision;
