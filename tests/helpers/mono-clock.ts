/** CLOCK_MONOTONIC in ms, the clock both load generators read (process.hrtime / clock_gettime). */
export const clock = () => Number(process.hrtime.bigint()) / 1e6;
