package org.recworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Which bundles the CLI waits for, and names when SCR never reads their components. */
class UnreadComponentsTest {

    /** A bundle with a name, a state and, when {@code components} is not null, a Service-Component header. */
    private static Bundle bundle(String name, int state, String components) {
        Dictionary<String, String> headers = new Hashtable<>();
        if (components != null) {
            headers.put("Service-Component", components);
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName", "toString" -> name;
                    case "getState" -> state;
                    case "getHeaders" -> headers;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyStartedBundlesThatDeclareComponentsAndHaveNoneDescribedAreUnread() {
        Bundle described = bundle("plugin.ok", Bundle.ACTIVE, "OSGI-INF/a.xml");
        Bundle broken = bundle("plugin.broken", Bundle.ACTIVE, "OSGI-INF/missing.xml");
        Bundle lazy = bundle("plugin.lazy", Bundle.STARTING, "OSGI-INF/b.xml");
        Bundle notStarted = bundle("plugin.resolved", Bundle.RESOLVED, "OSGI-INF/c.xml");
        Bundle library = bundle("library", Bundle.ACTIVE, null);
        Set<Bundle> withDescriptions = Set.of(described);
        assertEquals(List.of(broken, lazy), CliApplication.unread(
                new Bundle[] {described, broken, lazy, notStarted, library}, withDescriptions::contains));
        assertEquals(List.of(), CliApplication.unread(new Bundle[] {described, notStarted, library},
                withDescriptions::contains));
    }
}
