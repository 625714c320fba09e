/** TikTok's profile (`/@handle`) and video (`/@handle/video/ID`) addresses, which both halves need. */
export const PROFILE_PATH = /^\/@([\w.]{1,64})\/?$/;
export const VIDEO_PATH = /^\/@([\w.]{1,64})\/(video|photo)\/(\d{5,25})\/?$/;
