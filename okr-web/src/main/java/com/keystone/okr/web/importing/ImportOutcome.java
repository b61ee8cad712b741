package com.keystone.okr.web.importing;

import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportLine;
import com.keystone.okr.web.imports.ImportResult;
import com.keystone.okr.web.imports.RowError;
import java.io.Serializable;
import java.util.List;

/**
 * What running a file through the importer found: either its problems (nothing can be stored) or
 * what it creates, updates and leaves unchanged, key by key. A preview has run the import and
 * rolled it back; an apply has stored it, unless what it found differs from the preview the admin
 * saw ({@code changedSincePreview}: then it was rolled back too, and this is the new preview).
 *
 * @param result      the counts the API answers (null when the file was refused)
 * @param lines       every key or row and what happens to it (empty when refused)
 * @param errors      every problem, with row and column (empty when the file can be applied)
 * @param fingerprint what this outcome depends on (the lines, the versions and states of what they change): an
 *                    apply stores the file only when it finds the fingerprint of the preview
 */
public record ImportOutcome(ImportKind kind, ImportResult result, List<ImportLine> lines, List<RowError> errors,
                            String fingerprint, boolean applied, boolean changedSincePreview) implements Serializable {

    public boolean refused() {
        return !errors.isEmpty();
    }
}
