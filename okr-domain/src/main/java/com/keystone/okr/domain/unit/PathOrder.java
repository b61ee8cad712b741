package com.keystone.okr.domain.unit;

import java.util.Comparator;

/**
 * "Path order" of org units: the tree in pre-order, comparing the names of a path one by one.
 * Plain string order would put {@code Acme/Sales-Ops} between {@code Acme/Sales} and
 * {@code Acme/Sales/Inbound}, because {@code '-'} sorts before {@code '/'}.
 */
public final class PathOrder implements Comparator<String> {

    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = end(a, i);
            int endB = end(b, j);
            int c = a.substring(i, endA).compareTo(b.substring(j, endB));
            if (c != 0) {
                return c;
            }
            i = endA + 1;
            j = endB + 1;
        }
        // one path is a prefix (an ancestor) of the other: the ancestor comes first
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int end(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }
}
