#!/usr/bin/env node
require('./launch.js')('tsqemu-riscv64');
