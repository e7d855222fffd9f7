print("never printed")
local a <close>, b <close> = nil, nil
