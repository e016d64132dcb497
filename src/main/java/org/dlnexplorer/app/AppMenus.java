package org.dlnexplorer.app;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

import java.util.EnumMap;
import java.util.Map;

/**
 * The menu bar, made from the {@link KeyBindings} registry: one menu per group, one item per key binding
 * (its label and keys), so that every menu command has its shortcut and the help lists both. FX thread.
 */
final class AppMenus {
    private AppMenus() {}

    static MenuBar of(KeyBindings keys) {
        Map<KeyBindings.Group, Menu> menus = new EnumMap<>(KeyBindings.Group.class);
        for (KeyBindings.Binding b : keys.all()) {
            if (b.isGesture()) continue;
            Menu m = menus.computeIfAbsent(b.group(), g -> {
                Menu menu = new Menu(g.title);
                menu.setId("menu-" + g.name().toLowerCase(java.util.Locale.ROOT));
                return menu;
            });
            MenuItem item = new MenuItem(b.label());
            item.setMnemonicParsing(false);
            item.setId("menu-item-" + b.label().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
            item.setAccelerator(b.keys());
            item.setOnAction(e -> b.action().getAsBoolean());
            m.getItems().add(item);
        }
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");
        bar.getMenus().addAll(menus.values());
        return bar;
    }
}
