#!/usr/bin/env node
require('./launch.js')('tsqemu-aarch64');
