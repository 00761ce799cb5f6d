#!/usr/bin/env node
import '../dist/tsqemu-riscv64.js';
