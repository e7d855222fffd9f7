"""The Lua standard library, prepared once per Engine."""
