export { refuseCrossSiteWrite, type CrossSiteRefusal, type CrossSiteOptions } from "./refuse-cross-site-write";
