package org.custodian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of ARCHITECTURE.md: arrows point down only. */
@AnalyzeClasses(packages = "org.custodian", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.custodian.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custodian.store..", "org.custodian.logic..",
                    "org.custodian.ui..", "org.custodian.cli..", "org.custodian.app..");

    @ArchTest
    static final ArchRule modelUsesNoJavaFxNorSql = noClasses().that().resideInAPackage("org.custodian.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..");

    @ArchTest
    static final ArchRule onlyStoreUsesJdbc = noClasses().that().resideOutsideOfPackage("org.custodian.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses().that()
            .resideOutsideOfPackages("org.custodian.ui..", "org.custodian.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule onlyAppUsesUi = noClasses().that()
            .resideOutsideOfPackages("org.custodian.app..", "org.custodian.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.custodian.ui..");

    @ArchTest
    static final ArchRule onlyAppUsesCli = noClasses().that()
            .resideOutsideOfPackages("org.custodian.app..", "org.custodian.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.custodian.cli..");

    @ArchTest
    static final ArchRule facesGoThroughLogic = noClasses().that()
            .resideInAnyPackage("org.custodian.ui..", "org.custodian.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.custodian.store..");

    @ArchTest
    static final ArchRule storeIsBelowLogic = noClasses().that().resideInAPackage("org.custodian.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custodian.logic..", "org.custodian.ui..",
                    "org.custodian.cli..", "org.custodian.app..");

    @ArchTest
    static final ArchRule logicIsBelowTheFaces = noClasses().that().resideInAPackage("org.custodian.logic..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custodian.ui..", "org.custodian.cli..",
                    "org.custodian.app..");

    @ArchTest
    static final ArchRule facesDoNotTalkToEachOther = noClasses().that().resideInAPackage("org.custodian.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.custodian.ui..");

    @ArchTest
    static final ArchRule noConsoleOutsideCliAndApp = noClasses().that()
            .resideOutsideOfPackages("org.custodian.cli..", "org.custodian.app..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
