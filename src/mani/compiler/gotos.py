"""``goto``, labels and ``break`` across Python's structured control flow.

A ``goto continue`` to a label that ends a loop body is a Python
``continue``. Any other block with labels that a goto reaches becomes a
dispatch loop (``while True:`` with one segment per label): a goto sets the
target segment and restarts it, and leaves nested Python loops with flags
that each loop re-checks after it ends (``after_python_loop``). A goto back
to an earlier label is metered as a loop iteration (``meter_goto``). Emits no
runtime helpers.
"""

from __future__ import annotations

from typing import Optional

from ..errors import LuaSyntaxError
from ..syntax import nodes as N


class Gotos:
    """``goto``, labels and ``break``. (A mixin of ``codegen.CodeGen``.)"""

    def labeled_block(self, stmts: list) -> None:
        """A block with labels becomes a dispatch loop: segment k runs when
        the jump target is <= k; a goto sets the target and restarts."""
        seg_of_label = {}
        segments: list[list] = [[]]
        for s in stmts:
            if isinstance(s, N.Label):
                segments.append([])
                seg_of_label[s.name] = len(segments) - 1
            else:
                segments[-1].append(s)
        tgt = self.temp("goto")
        info = {"kind": "dispatch", "var": tgt, "labels": seg_of_label, "segments": segments}
        self.emit(f"{tgt} = 0")
        self.emit("while True:")
        self.indent += 1
        self.fn.blocks += 1
        self.fn.loop_stack.append(info)
        for k, seg in enumerate(segments):
            info["at"] = k  # the segment being generated (see goto_stmt)
            if k == 0 and not seg:
                continue
            self.emit(f"if {tgt} <= {k}:")
            self.indent += 1
            # a <close> inside a segment only covers that segment: acceptable
            # because Lua forbids jumping into a local's scope
            self.block(seg) if seg else self.emit("pass")
            self.indent -= 1
        self.emit("break")
        self.fn.loop_stack.pop()
        self.fn.blocks -= 1
        self.indent -= 1
        self.after_python_loop(info)

    def emit_break_from_here(self) -> None:
        """Lua ``break``: leave the innermost Lua loop, passing through any
        dispatch loops of labeled blocks in between."""
        stack = self.fn.loop_stack
        if not stack:  # in a block moved into a function (outline.py)
            self.leave_outlined(None)
            return
        i = len(stack) - 1
        if stack[i]["kind"] == "loop":
            self.emit("break")
            return
        # inside dispatch loop(s): set a flag on the dispatch loop, break it
        info = stack[i]
        flag = info.get("escape_break")
        if not flag:
            flag = info["escape_break"] = self.temp("brk")
            self._preinit(flag, "False")
        self.emit(f"{flag} = True")
        self.emit("break")

    def _preinit(self, name: str, value: str) -> None:
        """Initialise a jump flag at the start of the current function (right
        after its meter line), so every path sees it defined."""
        j = self.fn.init_at
        self.lines.insert(j, f"{'    ' * self.fn.base_indent}{name} = {value}")
        self.linemap.insert(j, self.linemap[j - 1])
        self.fn.init_at = j + 1

    def goto_stmt(self, g: N.Goto) -> None:
        stack = self.fn.loop_stack
        # find the dispatch loop of the target block
        target_block = g.target
        for i in range(len(stack) - 1, -1, -1):
            info = stack[i]
            # Lua forbids a label that repeats one visible around it, so the
            # innermost enclosing dispatch block with that name is the target
            if info["kind"] == "dispatch" and g.label in info["labels"]:
                seg = info["labels"][g.label]
                if seg <= info["at"]:
                    self.meter_goto(info["segments"][seg:], g.line)
                self._goto(i, seg)
                return
            if info["kind"] == "loop" and info.get("continue_label") == g.label and info.get("scope") is target_block:
                if i == len(stack) - 1:
                    self.emit("continue")
                    return
                self._goto_via(i, None)
                return
        if self.fn.outlined:  # the label is outside the block (outline.py)
            self.leave_outlined(g)
            return
        raise LuaSyntaxError(f"{self.chunkname}:{g.line}: goto '{g.label}' is not supported here", g.line)

    def _goto(self, idx: int, seg: int) -> None:
        stack = self.fn.loop_stack
        info = stack[idx]
        if idx == len(stack) - 1:
            self.emit(f"{info['var']} = {seg}")
            self.emit("continue")
            return
        self._goto_via(idx, seg)

    def _goto_via(self, idx: int, seg: Optional[int]) -> None:
        """Escape nested Python loops up to loop_stack[idx] with a flag."""
        stack = self.fn.loop_stack
        target = stack[idx]
        esc = target.get("esc_in")
        if esc is None:
            esc = target["esc_in"] = self.temp("esc")
            self._preinit(esc, "None")
        self.emit(f"{esc} = {seg if seg is not None else -1}")
        self.emit("break")
        # every loop between the goto and the target must re-break
        for j in range(idx + 1, len(stack)):
            stack[j].setdefault("rebreak", set()).add((esc, idx))

    def after_python_loop(self, info: dict) -> None:
        for esc, idx in sorted(info.get("rebreak", ())):
            stack = self.fn.loop_stack
            target = stack[idx]
            if idx == len(stack) - 1:
                self.emit(f"if {esc} is not None:")
                self.indent += 1
                if target["kind"] == "dispatch":
                    self.emit(f"{target['var']} = {esc}; {esc} = None")
                    self.emit("continue")
                else:
                    self.emit(f"{esc} = None")
                    self.emit("continue")
                self.indent -= 1
            else:
                self.emit(f"if {esc} is not None: break")
                stack[-1].setdefault("rebreak", set()).add((esc, idx))
        if info.get("escape_break"):
            flag = info["escape_break"]
            self.emit(f"if {flag}:")
            self.indent += 1
            self.emit(f"{flag} = False")
            self.emit_break_from_here()
            self.indent -= 1

    def s_Break(self, s: N.Break) -> None:
        self.emit_break_from_here()

    def s_Goto(self, s: N.Goto) -> None:
        self.goto_stmt(s)

    def s_Label(self, s: N.Label) -> None:
        pass
