module tsqemu/gotests

go 1.19
