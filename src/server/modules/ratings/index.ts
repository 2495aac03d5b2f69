/**
 * The public entry of the ratings module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { RatingRepository } from "./rating.repository";
export type { RatedEvent } from "./rating.service";
export type { RatingService } from "./rating.service";
