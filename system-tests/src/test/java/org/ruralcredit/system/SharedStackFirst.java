package org.ruralcredit.system;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The suites on the shared platform ({@link SharedStack.Uses}) first, then the others, each group
 * by class name: the platform starts once, and the suites that need its ports or stop the
 * infrastructure come after it is stopped. Configured in {@code junit-platform.properties}.
 */
public class SharedStackFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing((ClassDescriptor d) -> !d.isAnnotated(SharedStack.Uses.class))
                        .thenComparing(d -> d.getTestClass().getName()));
    }
}
