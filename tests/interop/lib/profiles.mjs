// The credential profiles the service under test issues.
export const profiles = ['elm', 'obv3'];
