package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.objective.KeyResultType;
import java.io.Serializable;
import java.math.BigDecimal;

/** A key result row of the editor, as typed: a new one, or an existing one (its key fixed) with the version it changes. */
public class KeyResultDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean existing;
    private final Long version;
    private String key;
    private String title;
    private String type = KeyResultType.NUMERIC.name();
    private BigDecimal start;
    private BigDecimal target;
    private BigDecimal weight = BigDecimal.ONE;
    private String owner;
    private String kpi;

    public KeyResultDraft() {
        this(false, null);
    }

    public KeyResultDraft(boolean existing, Long version) {
        this.existing = existing;
        this.version = version;
    }

    private KeyResultType parsedType() {
        try {
            return type == null ? null : KeyResultType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** R1: floors, ceilings and milestones use no start value. */
    public boolean isStartUsed() {
        KeyResultType t = parsedType();
        return t == null || t.isLinear();
    }

    /** R1: a milestone runs from 0 to 1 (done), it has no target to type. */
    public boolean isTargetUsed() {
        return parsedType() != KeyResultType.MILESTONE;
    }

    public boolean isExisting() {
        return existing;
    }

    public Long getVersion() {
        return version;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public BigDecimal getStart() {
        return start;
    }

    public void setStart(BigDecimal start) {
        this.start = start;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getKpi() {
        return kpi;
    }

    public void setKpi(String kpi) {
        this.kpi = kpi;
    }
}
