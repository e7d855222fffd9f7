"""Lua AST -> Python code objects."""
