package io.patternscope.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, as rules over every module's compiled classes (this module has them all on its
 * test classpath): {@code core} stays free of frameworks, no service reaches into another, serving
 * touches TensorFlow only through DJL's engine bootstrap, and nothing in the product uses the
 * training module.
 */
class LayeringTest {

    private static final List<String> SERVICES = List.of("io.patternscope.fetcher..", "io.patternscope.detector..",
            "io.patternscope.classifier..", "io.patternscope.report..", "io.patternscope.gateway..");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.patternscope");
    }

    @Test
    void coreImportsNoFramework() {
        noClasses().that().resideInAPackage("io.patternscope.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.net..", "io.patternscope.core..")
                .because("core is the shared pure-Java library every module may use")
                .check(classes);
    }

    @Test
    void noServiceReachesIntoAnother() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).toArray(String[]::new);
            noClasses().that().resideInAPackage(service)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services talk over NATS and HTTP, never through each other's classes")
                    .check(classes);
        }
    }

    @Test
    void onlyTrainingTouchesTensorFlowsApi() {
        noClasses().that().resideOutsideOfPackages("io.patternscope.training..")
                .and().doNotHaveFullyQualifiedName("io.patternscope.patternmodel.TensorFlowNatives")
                .should().dependOnClassesThat().resideInAPackage("org.tensorflow..")
                .because("serving goes through DJL; TensorFlow's own API is for training")
                .check(classes);
    }

    @Test
    void nothingInTheProductUsesTraining() {
        noClasses().that().resideOutsideOfPackages("io.patternscope.training..", "io.patternscope.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.patternscope.training..")
                .because("the generator, training and evaluation ship in no service")
                .check(classes);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String module : List.of("io.patternscope.core", "io.patternscope.fetcher", "io.patternscope.detector",
                "io.patternscope.classifier", "io.patternscope.report", "io.patternscope.gateway", "io.patternscope.bus",
                "io.patternscope.patternmodel", "io.patternscope.training")) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(module))) {
                throw new AssertionError("no classes of " + module + " on the classpath: the rules would pass vacuously");
            }
        }
    }
}
