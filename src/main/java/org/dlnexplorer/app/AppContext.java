package org.dlnexplorer.app;

import javafx.stage.Stage;

/** What every panel of the main window shares: its stage, the property bus and the simulation service. */
public record AppContext(Stage stage, ViewModel vm, SimulationService service) {}
