"""Build hook: compile the interface translations (.ts -> .qm) into resources/translations.

Both a wheel (which takes the whole resources folder, pyproject.toml force-include) and an
editable install (which reads resources/ from the checkout) then have them. The .qm files are
build output: git-ignored, never edited by hand. Qt's lrelease comes from the PySide6 wheel,
a build requirement. The steps are in scripts/translations.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name not in ("wheel", "sdist"):
            return
        script = Path(self.root) / "scripts" / "translations.py"
        spec = importlib.util.spec_from_file_location("_translations", script)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for qm in module.compile_all():
            self.app.display_info(f"compiled {qm.relative_to(self.root)}")
