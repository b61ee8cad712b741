package com.keystone.okr.web.app.okr;

import com.keystone.okr.reporting.cycle.Pace;
import java.io.Serializable;

/**
 * An objective as a node of the alignment tree. {@code orphan}: an objective of a unit below the
 * company that is aligned to nothing (R8 {@code ORPHAN_OBJECTIVE}); {@code context}: shown only
 * because an objective of the filtered unit is aligned below it.
 */
public record AlignmentNode(String key, String title, String unitPath, String owner, int percent, Pace pace,
                            boolean measurable, boolean orphan, boolean context) implements Serializable {
}
