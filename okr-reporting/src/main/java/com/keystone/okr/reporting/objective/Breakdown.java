package com.keystone.okr.reporting.objective;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A weighted mean of progress with its explanation (R2 for objectives, R3 for units):
 * {@code sum(w_i * p_i) / sum(w_i)} over the contributors with {@code w_i > 0}. {@code progress}
 * is null when no contributor has a positive weight; R2 then shows 0, R3 "no OKRs".
 */
public record Breakdown(Double progress, List<Contributor> contributors) {

    public Breakdown {
        contributors = List.copyOf(contributors);
    }

    public boolean hasProgress() {
        return progress != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects contributors in display order, then computes the mean and the shares. */
    public static final class Builder {

        private final List<Contributor> parts = new ArrayList<>();

        private Builder() {
        }

        /** A contributor; a null weight is the default 1. */
        public Builder add(ContributorKind kind, long id, String key, BigDecimal weight, double progress) {
            double w = weight == null ? 1.0 : weight.doubleValue();
            parts.add(new Contributor(kind, id, key, w, progress, w > 0, 0.0));
            return this;
        }

        public Breakdown build() {
            double sumW = 0;
            double sumWP = 0;
            for (Contributor c : parts) {
                if (c.counted()) {
                    sumW += c.weight();
                    sumWP += c.weight() * c.progress();
                }
            }
            if (sumW <= 0) {
                return new Breakdown(null, parts);
            }
            List<Contributor> explained = new ArrayList<>(parts.size());
            for (Contributor c : parts) {
                double share = c.counted() ? c.weight() * c.progress() / sumW : 0.0;
                explained.add(new Contributor(c.kind(), c.id(), c.key(), c.weight(), c.progress(), c.counted(), share));
            }
            return new Breakdown(sumWP / sumW, explained);
        }
    }
}
