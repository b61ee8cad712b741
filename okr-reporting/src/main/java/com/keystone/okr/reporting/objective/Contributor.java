package com.keystone.okr.reporting.objective;

import java.io.Serializable;

/**
 * One line of the explanation of a weighted progress (R2, R3). {@code counted} is false for a
 * weight of 0, which R2 leaves out; {@code share} is {@code w * p / sum(w)} over the counted
 * contributors (0 when not counted), so the shares add up to the progress they explain.
 */
public record Contributor(ContributorKind kind, long id, String key, double weight, double progress,
                          boolean counted, double share) implements Serializable {
}
