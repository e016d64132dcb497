package org.dlnexplorer.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** SPEC §5: the model is pure (no JavaFX, no AWT, no charts) and does not know the outer layers. */
class LayeringTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dlnexplorer");

    @Test
    void modelHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.dlnexplorer.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(CLASSES);
    }

    @Test
    void modelHasNoAwtNorCharts() {
        noClasses().that().resideInAPackage("org.dlnexplorer.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "org.jfree..")
                .check(CLASSES);
    }

    @Test
    void modelDoesNotDependOnOuterLayers() {
        noClasses().that().resideInAPackage("org.dlnexplorer.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dlnexplorer.app..", "org.dlnexplorer.cli..",
                        "org.dlnexplorer.chart..", "org.dlnexplorer.preset..", "org.dlnexplorer.export..",
                        "org.dlnexplorer.output..")
                .check(CLASSES);
    }

    @Test
    void chartsHaveNoJavaFx() {
        noClasses().that().resideInAPackage("org.dlnexplorer.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /** The simulation service (and everything it uses) runs without JavaFX: the app's FX side only polls it. */
    @Test
    void simulationServiceIsFreeOfJavaFx() {
        noClasses().that().haveNameMatching("org\\.dlnexplorer\\.app\\.SimulationService(\\$.*)?")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(CLASSES);
    }
}
