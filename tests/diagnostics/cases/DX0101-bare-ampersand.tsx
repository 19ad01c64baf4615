export const Credits = () => <p>Tom & Jerry</p>;
