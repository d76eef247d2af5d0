// The credential profiles the service under test issues. obv3 joins once the Open Badges 3.0 profile is merged.
export const profiles = ['elm'];
