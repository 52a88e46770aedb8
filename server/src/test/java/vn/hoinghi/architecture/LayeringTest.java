package vn.hoinghi.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No cycles between the server's packages (docs/architecture.md, "Packages"): each top-level package under
 * {@code vn.hoinghi} is one slice, and the dependencies between slices form a graph without a loop, so any package can
 * be read, tested and changed knowing only what it depends on. Ports sit with the package that uses them
 * ({@code live.Cluster}, implemented by {@code cluster.PgCluster}); configuration every layer reads sits in
 * {@code config}, below all of them.
 */
@DisplayName("The server's packages form no cycle")
class LayeringTest {
  static JavaClasses server;

  @BeforeAll
  static void read() {
    server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("vn.hoinghi");
  }

  @Test
  @DisplayName("no cycle between the top-level packages of vn.hoinghi")
  void noCycles() {
    slices().matching("vn.hoinghi.(*)..").should().beFreeOfCycles().check(server);
  }
}
