package vn.hoinghi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The domain core stays pure (docs/architecture.md, STYLE.md): plain Java and itself, no Vert.x, SQL, JSON library,
 * POI or logging in it, and nothing of the server's other layers. Guards the layering instead of a sentence.
 */
@DisplayName("The domain core is pure Java")
class DomainPurityTest {
  static JavaClasses server;

  @BeforeAll
  static void read() {
    server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("vn.hoinghi");
  }

  @Test
  @DisplayName("vn.hoinghi.domain depends only on java.* and itself")
  void onlyJavaAndItself() {
    classes().that().resideInAPackage("vn.hoinghi.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.hoinghi.domain..")
        .because("the core is decided and replayed without a server, a store or a wire format")
        .check(server);
  }

  @Test
  @DisplayName("the domain knows none of the server's other layers")
  void domainKnowsNoOutsideLayer() {
    noClasses().that().resideInAPackage("vn.hoinghi.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("vn.hoinghi.gateway..", "vn.hoinghi.live..",
            "vn.hoinghi.store..", "vn.hoinghi.http..", "vn.hoinghi.app..", "vn.hoinghi.wire..", "vn.hoinghi.report..",
            "vn.hoinghi.document..", "vn.hoinghi.cluster..", "vn.hoinghi.auth..")
        .check(server);
  }
}
