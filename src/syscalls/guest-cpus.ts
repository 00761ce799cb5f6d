// How many CPUs the guest is shown (sched_getaffinity, /proc/cpuinfo, /sys/devices/system/cpu):
// one, or two when the host has more than one, whatever the host's count.
import { availableParallelism } from 'node:os';

export const guestCpuCount = (): number => (availableParallelism() > 1 ? 2 : 1);
