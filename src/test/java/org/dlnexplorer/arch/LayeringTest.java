package org.dlnexplorer.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * SPEC §5: the model is pure (no JavaFX, no AWT, no charts) and does not know the outer layers; no package
 * cycles; the layers cli → app → export → chart → preset/output → model (bench beside export, used by cli).
 */
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

    /** every package, the model's sub-packages each on its own (engine, observe, theory, …), is free of cycles */
    @Test
    void noPackageCycles() {
        slices().matching("org.dlnexplorer.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.dlnexplorer.cli..")
                .layer("app").definedBy("org.dlnexplorer.app..")
                .layer("export").definedBy("org.dlnexplorer.export..")
                .layer("bench").definedBy("org.dlnexplorer.bench..")
                .layer("chart").definedBy("org.dlnexplorer.chart..")
                .layer("preset").definedBy("org.dlnexplorer.preset..")
                .layer("output").definedBy("org.dlnexplorer.output..")
                .layer("model").definedBy("org.dlnexplorer.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("cli", "app", "export")
                .whereLayer("preset").mayOnlyBeAccessedByLayers("cli", "app", "export", "bench", "chart")
                .whereLayer("output").mayOnlyBeAccessedByLayers("cli", "app", "export", "bench", "chart")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "app", "export", "bench", "chart", "preset", "output")
                .check(CLASSES);
    }

    /** the engine and observables know no theory: model.theory builds on them, not the other way round */
    @Test
    void engineAndObservablesKnowNoTheory() {
        noClasses().that().resideInAnyPackage("org.dlnexplorer.model.engine..", "org.dlnexplorer.model.observe..",
                        "org.dlnexplorer.model.core..", "org.dlnexplorer.model.objective..", "org.dlnexplorer.model.init..")
                .should().dependOnClassesThat().resideInAPackage("org.dlnexplorer.model.theory..")
                .check(CLASSES);
    }

    /** charts draw runs they are given: they never integrate, sweep or schedule a simulation */
    @Test
    void chartsDoNotRunSimulations() {
        noClasses().that().resideInAPackage("org.dlnexplorer.chart..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.engine.Simulation")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.engine.DormandPrince54")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.engine.RungeKutta4")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.engine.GradientDescent")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.theory.TheoryRun")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.model.sweep.SweepRunner")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.app.SimulationService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dlnexplorer.export.PresetRunner")
                .check(CLASSES);
    }
}
