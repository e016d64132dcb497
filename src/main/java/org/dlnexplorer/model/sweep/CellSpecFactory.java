package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.SimulationSpec;

/**
 * Builds the simulation of one grid cell from its axis values (x, y). Supplied by the caller (e.g. the
 * preset layer), so the sweep engine needs no knowledge of preset fields. May throw for values that make
 * no valid configuration (e.g. a negative scale): the cell is then recorded as failed with the message.
 */
@FunctionalInterface
public interface CellSpecFactory {
    SimulationSpec spec(double x, double y) throws Exception;
}
