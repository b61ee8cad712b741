package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.objective.OkrService.KeyResultCommand;
import com.keystone.okr.web.objective.OkrService.ObjectiveCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The editor's save: an objective and its key results in ONE transaction, so that a refused key
 * result leaves nothing stored, not even the objective created just before it. A refusal of a key
 * result says which row of the editor it concerns.
 */
@ApplicationScoped
@Transactional
public class EditorTransaction {

    /** A key result of the editor to create (no version) or change. */
    public record KeyResultChange(boolean create, KeyResultCommand command) {
    }

    /**
     * The refusal of the key result in row {@code row}. The refusal is kept beside, not as the
     * cause, so that the page can point at the row's fields rather than the objective's.
     */
    public static final class KeyResultRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int row;
        private final RuntimeException refusal;

        KeyResultRefused(int row, RuntimeException refusal) {
            super("key result row " + row + ": " + refusal.getMessage(), null, false, false);
            this.row = row;
            this.refusal = refusal;
        }

        public int row() {
            return row;
        }

        public RuntimeException refusal() {
            return refusal;
        }
    }

    @Inject
    OkrService okr;

    /**
     * Creates the objective (when {@code existingKey} is null) or changes it, then creates or
     * changes its key results in row order.
     *
     * @return the objective's key
     */
    public String save(String cycleName, String existingKey, ObjectiveCommand objective, List<KeyResultChange> keyResults) {
        Objective o = existingKey == null ? okr.createObjective(cycleName, objective)
                : okr.updateObjective(cycleName, existingKey, objective);
        String key = o.getKey();
        for (int i = 0; i < keyResults.size(); i++) {
            KeyResultChange change = keyResults.get(i);
            try {
                if (change.create()) {
                    okr.createKeyResult(cycleName, key, change.command());
                } else {
                    okr.updateKeyResult(cycleName, change.command().key(), change.command());
                }
            } catch (RuntimeException e) {
                throw new KeyResultRefused(i, e);
            }
        }
        return key;
    }
}
