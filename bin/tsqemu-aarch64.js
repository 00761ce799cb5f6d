#!/usr/bin/env node
import '../dist/tsqemu-aarch64.js';
