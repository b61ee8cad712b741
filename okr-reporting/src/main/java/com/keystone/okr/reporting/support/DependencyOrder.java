package com.keystone.okr.reporting.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders nodes so that every node comes after the nodes it depends on (a post-order of the
 * dependency graph), without recursion: a cascade of objectives or a chain of KPIs can be
 * thousands deep, deeper than the call stack. The domain refuses loops, so one here means a
 * broken snapshot and is reported, never followed.
 */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * @param nodes     the nodes to order
     * @param dependsOn the nodes a node's value is computed from
     * @param describe  names a node in the message of a loop
     * @return every node reachable from {@code nodes}, dependencies first, each once
     * @throws IllegalStateException when the dependencies form a loop
     */
    public static <T> List<T> of(Collection<T> nodes, Function<T, ? extends Collection<T>> dependsOn,
                                 Function<T, String> describe) {
        Map<T, Boolean> done = new HashMap<>(); // false while on the current path, true once ordered
        List<T> order = new ArrayList<>(nodes.size());
        Deque<Frame<T>> path = new ArrayDeque<>();
        for (T start : nodes) {
            if (done.containsKey(start)) {
                continue;
            }
            done.put(start, false);
            path.push(new Frame<>(start, dependsOn.apply(start).iterator()));
            while (!path.isEmpty()) {
                Frame<T> top = path.peek();
                if (top.next.hasNext()) {
                    T dep = top.next.next();
                    Boolean state = done.get(dep);
                    if (state == null) {
                        done.put(dep, false);
                        path.push(new Frame<>(dep, dependsOn.apply(dep).iterator()));
                    } else if (!state) {
                        throw new IllegalStateException("loop through " + describe.apply(dep)
                                + ": the snapshot breaks the rule that references are acyclic");
                    }
                } else {
                    path.pop();
                    done.put(top.node, true);
                    order.add(top.node);
                }
            }
        }
        return order;
    }

    private record Frame<T>(T node, Iterator<T> next) {
    }
}
